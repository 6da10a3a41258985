"""Operations of DataBrew's "Data science recipe steps" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.data-science.html),
one module per operation, found by the registry.
"""
