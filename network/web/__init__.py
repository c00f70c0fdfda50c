"""The server-rendered interface: the top layer. It runs the operations in
graphql/operations in process and nothing imports it."""
