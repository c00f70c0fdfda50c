-- One database per instance on the shared PostgreSQL server.
CREATE DATABASE instance_a;
CREATE DATABASE instance_b;
