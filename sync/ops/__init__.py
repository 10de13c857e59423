"""What ops needs around the pass: logs, progress, signals, the ledger's snapshots,
restore, and the scheduled loop."""
