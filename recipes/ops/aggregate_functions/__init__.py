"""Operations of DataBrew's "Aggregate functions (evaluated across the listed columns)" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.aggregate.html),
one module per operation, found by the registry.
"""
