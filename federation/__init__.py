"""Federation between instances: signed feed entries of what offices share beyond
their network, pulled by peers. Domain packages never import this package; it reads
their models and calls their services."""
