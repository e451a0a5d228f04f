package org.cyl.excellence.engine;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;

import org.apache.ibatis.executor.statement.BaseStatementHandler;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/**
 * A MyBatis plugin that rewrites the SQL of some statements before it is prepared: the
 * rule is given the statement's id and its SQL, and answers the SQL to run instead, or
 * null to run it as it is. The parameters are bound as before, so a rule must keep them
 * in their places. Counts what it rewrote (for the tests).
 * <p>
 * It runs for every statement the engine prepares, so it reads the statement and its SQL
 * through fields looked up once: MyBatis' {@code MetaObject}, which builds its reflection
 * of the handler on every call, took an eighth of the processor time of a task completion
 * (docs/benchmarks.md, 2026-12-02).
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
final class SqlRewriter implements Interceptor {

	private static final Field DELEGATE = field(RoutingStatementHandler.class, "delegate");

	private static final Field MAPPED_STATEMENT = field(BaseStatementHandler.class, "mappedStatement");

	private static final Field SQL = field(BoundSql.class, "sql");

	private final BinaryOperator<String> rule;

	private final AtomicLong rewritten;

	SqlRewriter(BinaryOperator<String> rule, AtomicLong rewritten) {
		this.rule = rule;
		this.rewritten = rewritten;
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		if (invocation.getTarget() instanceof RoutingStatementHandler routing
				&& DELEGATE.get(routing) instanceof BaseStatementHandler handler
				&& MAPPED_STATEMENT.get(handler) instanceof MappedStatement statement) {
			BoundSql bound = handler.getBoundSql();
			String sql = this.rule.apply(statement.getId(), bound.getSql());
			if (sql != null) {
				SQL.set(bound, sql);
				this.rewritten.incrementAndGet();
			}
		}
		return invocation.proceed();
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("MyBatis without " + type.getSimpleName() + "." + name
					+ ": the SQL rewrites (engine/TaskListQueries, engine/CockpitQueries) need it", ex);
		}
	}

}
