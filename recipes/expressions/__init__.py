"""DataBrew's expression language (BOOLEAN_OPERATION, CASE_OPERATION): parser, tree,
checker/evaluator and the vectorised pandas runtime; never eval/exec.
"""
