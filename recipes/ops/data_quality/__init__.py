"""Operations of DataBrew's "Data quality recipe steps (missing / invalid / duplicates)" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.data-quality.html),
one module per operation, found by the registry.
"""
