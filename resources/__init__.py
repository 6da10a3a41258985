"""Brewdesk resources: example recipes, sample data, help pages."""
