"""Code export: a recipe as a standalone Python script (pandas), from the operations'
own kernels (docs/architecture.md, code export).
"""
