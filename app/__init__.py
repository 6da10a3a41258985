"""Brewdesk."""
