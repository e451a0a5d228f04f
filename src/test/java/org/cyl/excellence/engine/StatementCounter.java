package org.cyl.excellence.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends to its database, for the benchmarks'
 * "statements per completion": every {@code execute…} of a statement and every statement
 * added to a batch (Camunda flushes its inserts, updates and deletes as JDBC batches: one
 * round trip, but one statement each for the database), and the batches themselves. The
 * application's {@code DataSource} bean is wrapped (an initializer of
 * {@link BenchmarkApplication}); the cost is an increment per call.
 */
public final class StatementCounter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final AtomicLong STATEMENTS = new AtomicLong();

	static final AtomicLong BATCHES = new AtomicLong();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource)
						: bean;
			}

		});
	}

	/** A reading of both counters. */
	public record Reading(long statements, long batches) {

		public static Reading now() {
			return new Reading(STATEMENTS.get(), BATCHES.get());
		}

		public Reading since(Reading before) {
			return new Reading(this.statements - before.statements, this.batches - before.batches);
		}

	}

	/**
	 * {@code -Dbenchmark.sql=true}: prints every statement prepared, to see what a
	 * figure's statements are (with a small {@code -Dsamples=}).
	 */
	static final boolean SHOW = Boolean.getBoolean("benchmark.sql");

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws java.sql.SQLException {
			return counting(super.getConnection(username, password));
		}

	}

	private static Connection counting(Connection connection) {
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					Object result = invoke(connection, method, args);
					if (SHOW && method.getName().startsWith("prepare") && args != null && args.length > 0) {
						System.out.println("[sql] " + String.valueOf(args[0]).replaceAll("\\s+", " "));
					}
					if (result instanceof Statement statement) {
						return countingStatement(statement);
					}
					return result;
				});
	}

	private static Object countingStatement(Statement statement) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("addBatch")) {
				STATEMENTS.incrementAndGet();
			}
			else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
				BATCHES.incrementAndGet();
			}
			else if (name.startsWith("execute")) {
				STATEMENTS.incrementAndGet();
			}
			return invoke(statement, method, args);
		};
		return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfacesOf(statement), handler);
	}

	private static Class<?>[] interfacesOf(Statement statement) {
		if (statement instanceof java.sql.CallableStatement) {
			return new Class<?>[] { java.sql.CallableStatement.class };
		}
		if (statement instanceof java.sql.PreparedStatement) {
			return new Class<?>[] { java.sql.PreparedStatement.class };
		}
		return new Class<?>[] { Statement.class };
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
