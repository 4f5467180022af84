package vn.binhyen.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

/**
 * A query with named parameters that PostgreSQL plans anew with each call's values, as psql's queries are planned.
 *
 * <p>The driver turns a statement run often into a server-side prepared one, and after five runs PostgreSQL may keep a
 * generic plan that cannot see the values: for a search it cannot tell a rare word from a common one. Setting
 * {@code plan_cache_mode} per transaction costs a transaction and a round trip; a statement that is never
 * server-prepared (prepare threshold 0) is planned at each run with its values and still goes out in one round trip.
 */
public final class PlannedWithValues implements PreparedStatementCreator {

    private final PreparedStatementCreator creator;

    public PlannedWithValues(String sql, Map<String, ?> params) {
        var source = new MapSqlParameterSource(params);
        var parsed = NamedParameterUtils.parseSqlStatement(sql);
        var factory = new PreparedStatementCreatorFactory(
                NamedParameterUtils.substituteNamedParameters(parsed, source),
                NamedParameterUtils.buildSqlParameterList(parsed, source));
        this.creator = factory.newPreparedStatementCreator(NamedParameterUtils.buildValueArray(parsed, source, null));
    }

    @Override
    public PreparedStatement createPreparedStatement(Connection connection) throws SQLException {
        PreparedStatement statement = creator.createPreparedStatement(connection);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
