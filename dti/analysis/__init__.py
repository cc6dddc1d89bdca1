"""What the analyst acts on: ranking and means, the merger, gaps and what-if, robustness."""
