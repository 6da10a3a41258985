"""Operations of DataBrew's "Text functions" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.text.html),
one module per operation, found by the registry.
"""
