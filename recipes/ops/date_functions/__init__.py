"""Operations of DataBrew's "Date and time functions" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.date.html),
one module per operation, found by the registry.
"""
