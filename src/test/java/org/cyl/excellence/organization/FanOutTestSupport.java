package org.cyl.excellence.organization;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs of a standing duty's fan-out ({@link SubtreeFanOut}: a parallel multi-instance
 * sub-process, one job per chunk that is not exclusive, each chunk's end an exclusive
 * job) as the job executor sees them, for the launch processes' tests: the jobs at an
 * activity, what a node would acquire, and two chunks run at the same moment, as
 * CampaignProcessTests does for the campaign's fan-out.
 */
@Component
public class FanOutTestSupport {

	private final ProcessEngine engine;

	private final ManagementService managementService;

	private final RuntimeService runtimeService;

	private final PlatformTransactionManager transactions;

	private final JdbcClient jdbc;

	private final FanOutProperties properties;

	FanOutTestSupport(ProcessEngine engine, PlatformTransactionManager transactions, JdbcClient jdbc,
			FanOutProperties properties) {
		this.engine = engine;
		this.managementService = engine.getManagementService();
		this.runtimeService = engine.getRuntimeService();
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The fan-out's jobs as the job executor sees them, for a launch whose multi-instance
	 * waits at its two chunks ({@code chunk}, the sub-process): one job per chunk, not
	 * exclusive — a node acquires every waiting chunk, each a batch for a thread of its
	 * own, even while another node holds one of the launch's exclusive jobs. After its
	 * chunk, each instance ends in an exclusive job of {@code chunkEnd} (the task
	 * inside): a node acquires those together as one batch (one thread, one after the
	 * other), and none while another node holds one; only these update the
	 * multi-instance's counts. {@code started} counts the processes the chunks have
	 * started. Runs both ends; the caller checks where the launch went.
	 */
	public void chunksApartTheirEndsTogether(org.camunda.bpm.engine.runtime.ProcessInstance launch, String chunk,
			String chunkEnd, java.util.function.LongSupplier started) {
		int chunkSize = chunkSize();
		String pid = launch.getId();
		List<Job> chunks = jobs(pid, chunk);
		assertThat(chunks).as("one job per chunk").hasSize(2).noneMatch(FanOutTestSupport::exclusive);
		assertThat(chunks).extracting(Job::getExecutionId).doesNotHaveDuplicates();
		assertThat(jobConfiguration(launch.getProcessDefinitionId(), chunk)).isEqualTo("async-before");
		assertThat(jobs(pid)).as("nothing else waits").hasSize(2);
		assertThat(started.getAsLong()).isZero();
		assertThat(acquirable(pid, null)).containsExactlyInAnyOrder(Set.of(chunks.get(0).getId()),
				Set.of(chunks.get(1).getId()));

		// one chunk: its processes, and the job that ends its instance, exclusive
		run(chunks.get(0));
		List<Job> ends = jobs(pid, chunkEnd);
		assertThat(ends).hasSize(1).allMatch(FanOutTestSupport::exclusive);
		assertThat(jobConfiguration(launch.getProcessDefinitionId(), chunkEnd)).isEqualTo("async-after");
		assertThat(started.getAsLong()).isIn(1L, (long) chunkSize);
		// that end held by another node: the other chunk is still taken
		assertThat(acquirable(pid, ends.get(0).getId())).containsExactly(Set.of(chunks.get(1).getId()));

		run(chunks.get(1));
		assertThat(started.getAsLong()).isEqualTo(chunkSize + 1);
		ends = jobs(pid, chunkEnd);
		assertThat(ends).hasSize(2).allMatch(FanOutTestSupport::exclusive);
		assertThat(jobs(pid, chunk)).isEmpty();
		// while another node holds one end, the other is not taken; free, both in one
		// batch
		assertThat(acquirable(pid, ends.get(0).getId())).isEmpty();
		assertThat(acquirable(pid, ends.get(1).getId())).isEmpty();
		assertThat(acquirable(pid, null)).containsExactly(Set.of(ends.get(0).getId(), ends.get(1).getId()));
		assertThat(completedInstances(pid)).isZero();

		run(ends.get(0));
		assertThat(completedInstances(pid)).isEqualTo(1);
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count())
			.as("the launch waits for its second chunk's end")
			.isOne();
		run(ends.get(1));
	}

	/**
	 * Two chunks of one launch at the same moment on two threads, as on two nodes, both
	 * transactions open until both have written ({@link #runAtTheSameMoment}): both
	 * commit, every organisation of both chunks has its process ({@code started}) and its
	 * row ({@code rows}) once, no job failed; then the two ends, exclusive, run one after
	 * the other as the job executor runs exclusive jobs. The caller checks where the
	 * launch went.
	 */
	public void twoChunksAtTheSameMoment(org.camunda.bpm.engine.runtime.ProcessInstance launch, String chunk,
			String chunkEnd, java.util.function.LongSupplier started, java.util.function.LongSupplier rows)
			throws Exception {
		int chunkSize = chunkSize();
		String pid = launch.getId();
		List<Job> chunks = jobs(pid, chunk);
		assertThat(chunks).hasSize(2);
		runAtTheSameMoment(chunks);
		assertThat(jobs(pid, chunk)).isEmpty();
		assertThat(failedJobRuns(pid)).as("failed job runs").isZero();
		assertThat(started.getAsLong()).as("processes ever started").isEqualTo(chunkSize + 1);
		assertThat(rows.getAsLong()).as("rows of the organisations").isEqualTo(chunkSize + 1);
		List<Job> ends = jobs(pid, chunkEnd);
		assertThat(ends).hasSize(2).allMatch(FanOutTestSupport::exclusive).allMatch((j) -> j.getRetries() == 3);
		ends.forEach(this::run);
	}

	/** How many organisations one chunk starts. */
	public int chunkSize() {
		return this.properties.fanOutChunkSize();
	}

	/** The instance's jobs at an activity (timers left out). */
	public List<Job> jobs(String processInstanceId, String activityId) {
		return this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.list()
			.stream()
			.filter((j) -> !(j instanceof TimerEntity))
			.toList();
	}

	/** The instance's jobs that are no timers. */
	public List<Job> jobs(String processInstanceId) {
		return this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.filter((j) -> !(j instanceof TimerEntity))
			.toList();
	}

	/** Runs the single job the instance has at the activity. */
	public void runOnly(String processInstanceId, String activityId) {
		List<Job> jobs = jobs(processInstanceId, activityId);
		if (jobs.size() != 1) {
			throw new AssertionError("one job at " + activityId + " expected, found " + jobs.size());
		}
		this.managementService.executeJob(jobs.get(0).getId());
	}

	public void run(Job job) {
		this.managementService.executeJob(job.getId());
	}

	public static boolean exclusive(Job job) {
		return ((JobEntity) job).isExclusive();
	}

	/**
	 * The configuration of the activity's job definitions (async-before, async-after).
	 */
	public String jobConfiguration(String processDefinitionId, String activityId) {
		return this.managementService.createJobDefinitionQuery()
			.processDefinitionId(processDefinitionId)
			.activityIdIn(activityId)
			.list()
			.stream()
			.map(JobDefinition::getJobConfiguration)
			.reduce((a, b) -> a + "," + b)
			.orElse("");
	}

	/** The multi-instance's count of ended chunks (its body's loop variable). */
	public long completedInstances(String processInstanceId) {
		return ((Number) this.runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(processInstanceId)
			.variableName("nrOfCompletedInstances")
			.singleResult()
			.getValue()).longValue();
	}

	/**
	 * The instance's jobs a node's job executor would acquire now, in the batches it
	 * hands to its threads (one thread runs a batch, its jobs one after another): the
	 * engine's own acquisition ({@link AcquireJobsCmd}) in a transaction rolled back, so
	 * that nothing stays locked. {@code heldElsewhere}: a job locked meanwhile by another
	 * node, as its acquisition would have locked it (null: none).
	 */
	public List<Set<String>> acquirable(String processInstanceId, String heldElsewhere) {
		Set<String> ours = Set.copyOf(this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.map(Job::getId)
			.toList());
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		return new TransactionTemplate(this.transactions).execute((status) -> {
			status.setRollbackOnly();
			if (heldElsewhere != null) {
				this.jdbc.sql("update act_ru_job set lock_owner_ = 'another-node', lock_exp_time_ = ? where id_ = ?")
					.params(new Timestamp(ClockUtil.getCurrentTime().getTime() + 3_600_000), heldElsewhere)
					.update();
			}
			AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
				.execute(new AcquireJobsCmd(configuration.getJobExecutor(), 10_000));
			return acquired.getJobIdBatches()
				.stream()
				.filter((batch) -> ours.containsAll(batch))
				.map((batch) -> Set.copyOf(batch))
				.toList();
		});
	}

	/**
	 * Runs the jobs at the same moment, one thread each, as on as many nodes: each thread
	 * runs its job ({@code ManagementService.executeJob}) and keeps its transaction open
	 * until every other has run its own, so that all have read and written everything
	 * before any commits. A row written by two would show: the second writer waits for
	 * the first's lock, which waits for the second at the barrier, until the database
	 * gives up — the run then fails with that error (or, without the barrier, an
	 * OptimisticLockingException).
	 */
	public void runAtTheSameMoment(List<Job> jobs) throws Exception {
		runAtTheSameMoment(jobs, () -> {
		});
	}

	/**
	 * As {@link #runAtTheSameMoment(List)}, running {@code first} in each transaction
	 * before its job: e.g. PostgreSQL's {@code set local lock_timeout}, so that a
	 * collision fails the run instead of hanging it.
	 */
	public void runAtTheSameMoment(List<Job> jobs, Runnable first) throws Exception {
		atTheSameMoment(jobs.stream().<Runnable>map((job) -> () -> {
			first.run();
			this.managementService.executeJob(job.getId());
		}).toList());
	}

	/**
	 * Runs each piece of work on a thread of its own, each in a transaction held open
	 * until every other has run its own too, as people on two nodes at the same moment:
	 * what both write shows as one waiting for the other's lock (the database gives up)
	 * or as an {@code OptimisticLockingException}. Throws the first failure.
	 */
	public void atTheSameMoment(List<Runnable> works) throws Exception {
		CyclicBarrier allRan = new CyclicBarrier(works.size());
		ExecutorService threads = Executors.newFixedThreadPool(works.size());
		List<Future<?>> runs = new ArrayList<>();
		try {
			for (Runnable work : works) {
				runs.add(threads.submit(() -> {
					try {
						new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
							work.run();
							await(allRan);
						});
					}
					catch (RuntimeException ex) {
						allRan.reset();
						throw ex;
					}
					return null;
				}));
			}
			// the failure that broke the barrier, rather than the others' broken barrier
			ExecutionException failed = null;
			for (Future<?> run : runs) {
				try {
					run.get();
				}
				catch (ExecutionException ex) {
					if (failed == null || failed.getCause() instanceof BarrierBroken) {
						failed = ex;
					}
				}
			}
			if (failed != null) {
				throw failed;
			}
		}
		finally {
			threads.shutdown();
		}
	}

	/**
	 * Runs {@code work} in a transaction on a thread of its own and keeps the transaction
	 * open, with what it wrote and locked, until {@link HeldOpen#commit}: what work on
	 * another node meets at that moment. Answers once the work has run (fails if it does
	 * not within a minute, or fails itself).
	 */
	public HeldOpen holdOpen(Runnable work) throws Exception {
		return new HeldOpen(work);
	}

	/** A transaction held open by {@link #holdOpen}; closing it lets it commit. */
	public final class HeldOpen implements AutoCloseable {

		private final CountDownLatch release = new CountDownLatch(1);

		private final ExecutorService thread = Executors.newSingleThreadExecutor();

		private final Future<?> run;

		private HeldOpen(Runnable work) throws Exception {
			CountDownLatch ran = new CountDownLatch(1);
			this.run = this.thread
				.submit(() -> new TransactionTemplate(FanOutTestSupport.this.transactions).executeWithoutResult((s) -> {
					work.run();
					ran.countDown();
					try {
						if (!this.release.await(60, TimeUnit.SECONDS)) {
							throw new IllegalStateException("not released");
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
				}));
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (!ran.await(50, TimeUnit.MILLISECONDS)) {
				if (this.run.isDone()) {
					this.run.get();
				}
				assertThat(System.nanoTime()).as("the work ran").isLessThan(until);
			}
		}

		/** Lets the transaction commit, and waits until it has. */
		public void commit() throws Exception {
			this.release.countDown();
			this.run.get(60, TimeUnit.SECONDS);
		}

		@Override
		public void close() {
			this.release.countDown();
			this.thread.shutdownNow();
		}

	}

	/** A run that failed because another did. */
	private static final class BarrierBroken extends IllegalStateException {

		BarrierBroken(Throwable cause) {
			super("another run failed", cause);
		}

	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (BrokenBarrierException ex) {
			throw new BarrierBroken(ex);
		}
	}

	/** The instance's failed job runs, from the history's job log. */
	public long failedJobRuns(String processInstanceId) {
		return this.engine.getHistoryService()
			.createHistoricJobLogQuery()
			.processInstanceId(processInstanceId)
			.failureLog()
			.count();
	}

}
