"""Operations of DataBrew's "Window functions" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.window.html),
one module per operation, found by the registry.
"""
