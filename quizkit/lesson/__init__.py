"""The Jupyter lesson: widgets and views the notebooks in ``notebooks/`` (students) and ``teacher/`` import.

Core ipywidgets only, every control labelled, keyboard usable, Okabe–Ito colours, no network.
Modules: ``common`` (palette, paths, references), ``style`` (page CSS, large-text switch), ``student`` (one
answers file per student), ``marking`` (feedback), ``questions`` (one question: practice or assessment),
``quiz`` (the quiz, saved as the student works), ``reading``, ``glossary``, ``map`` (drawing), ``timeline``,
``geography`` (the map notebook's views), ``balancing``, ``editor`` (a question's fields as text),
``teacher`` (review: accept, reject, edit, reorder, add), ``notebook`` (build a quiz notebook; run it headless),
``serve`` (the students' Voila server: offline template, answers folder, kernel culling).
"""
