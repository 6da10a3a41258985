"""Operations of DataBrew's "Column structure recipe steps (split / merge / create)" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.column-structure.html),
one module per operation, found by the registry.
"""
