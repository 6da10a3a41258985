"""Operations of DataBrew's "Column formatting recipe steps" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.column-formatting.html),
one module per operation, found by the registry.
"""
