"""Operations of DataBrew's "PII recipe steps" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.pii.html),
one module per operation, found by the registry.
"""
