"""Operations of DataBrew's "Web functions" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.web.html),
one module per operation, found by the registry.
"""
