package org.safegate.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements that commit inside a transaction someone else opens and commits (no commit of their own). */
@FunctionalInterface
public interface StoreWrite {
    void write(Connection connection) throws SQLException;
}
