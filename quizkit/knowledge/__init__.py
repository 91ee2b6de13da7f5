"""The knowledge base: sourced facts, the alias table of known names, the timeline; context questions."""
