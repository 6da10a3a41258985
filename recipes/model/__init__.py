"""The recipe model: steps and recipes, their file formats (native and DataBrew), the
operation registry, validation without data, conditions, whole-dataset statistics, the
pandas step runner, undo/redo history and the preview diff (docs/architecture.md).
"""
