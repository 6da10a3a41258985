"""Operations of DataBrew's "Data structure recipe steps (nest / pivot / group / join / union)" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.data-structure.html),
one module per operation, found by the registry.
"""
