"""The editorial board's work as the portal keeps it: accounts, sites and grants, items and
their workflow, the change feed, audit and publishing targets."""
