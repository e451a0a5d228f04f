package org.cyl.excellence.engine;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;

/**
 * A MyBatis plugin that rewrites the SQL of some statements before it is prepared: the
 * rule is given the statement's id and its SQL, and answers the SQL to run instead, or
 * null to run it as it is. The parameters are bound as before, so a rule must keep them
 * in their places. Counts what it rewrote (for the tests).
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
final class SqlRewriter implements Interceptor {

	private final BinaryOperator<String> rule;

	private final AtomicLong rewritten;

	SqlRewriter(BinaryOperator<String> rule, AtomicLong rewritten) {
		this.rule = rule;
		this.rewritten = rewritten;
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
		if (handler.hasGetter("delegate.mappedStatement")
				&& handler.getValue("delegate.mappedStatement") instanceof MappedStatement statement) {
			String sql = this.rule.apply(statement.getId(),
					((StatementHandler) invocation.getTarget()).getBoundSql().getSql());
			if (sql != null) {
				handler.setValue("delegate.boundSql.sql", sql);
				this.rewritten.incrementAndGet();
			}
		}
		return invocation.proceed();
	}

}
