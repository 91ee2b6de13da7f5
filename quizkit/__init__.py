"""quizkit: news article -> checked, sourced quizzes; printable versions; LMS exports; grading; a lesson.

The pipeline, one module each: article (read) -> nlp/analysis -> generate -> check -> versions -> render -> grade.
"""

__version__ = "0.1.0"
