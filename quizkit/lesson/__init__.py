"""The Jupyter lesson: widgets and views the notebooks in ``notebooks/`` import.

Core ipywidgets only, every control labelled, keyboard usable, Okabe–Ito colours, no network.
Modules: ``common`` (palette, paths, references), ``marking`` (instant feedback), ``questions`` (one question),
``quiz`` (the quiz and "save my answers"), ``reading``, ``glossary``, ``map`` (drawing), ``timeline``,
``geography`` (the map notebook's views), ``balancing``,
``teacher`` (preview and accept/reject), ``notebook`` (build a quiz notebook; run it headless),
``serve`` (Voila with the offline page template).
"""
