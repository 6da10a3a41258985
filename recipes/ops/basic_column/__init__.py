"""Operations of DataBrew's "Basic column recipe steps" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.basic.html),
one module per operation, found by the registry.
"""
