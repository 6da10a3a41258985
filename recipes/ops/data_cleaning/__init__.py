"""Operations of DataBrew's "Data cleaning recipe steps" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.data-cleaning.html),
one module per operation, found by the registry.
"""
