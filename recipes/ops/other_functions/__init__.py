"""Operations of DataBrew's "Other functions" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.other.html),
one module per operation, found by the registry.
"""
