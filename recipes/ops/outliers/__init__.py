"""Operations of DataBrew's "Outlier recipe steps" (https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.outliers.html),
one module per operation, found by the registry.
"""
