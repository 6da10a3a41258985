"""Operations of DataBrew's "Mathematical functions" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.math.html),
one module per operation, found by the registry.
"""
