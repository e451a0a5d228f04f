package org.cyl.excellence.branch;

import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Which keys a leader review reads: LeaderReview's for both reviewers, the reviewer's own
 * on the CommitteeReview and PartyReview forms of earlier deployments (a review open
 * during the upgrade still completes).
 */
class LeaderReviewListenerTests {

	@Test
	void bothReviewersReadTheKeysOfLeaderReview() {
		assertThat(keys("Task_CommitteeReview", "LeaderReview")).isEqualTo("review");
		assertThat(keys("Task_PartyReview", "LeaderReview")).isEqualTo("review");
	}

	@Test
	void aTaskOfAnEarlierDeploymentReadsTheKeysOfItsOwnForm() {
		assertThat(keys("Task_CommitteeReview", "CommitteeReview")).isEqualTo("committee");
		assertThat(keys("Task_PartyReview", "PartyReview")).isEqualTo("party");
	}

	private static String keys(String taskDefinitionKey, String form) {
		TaskEntity task = mock(TaskEntity.class);
		when(task.getTaskDefinitionKey()).thenReturn(taskDefinitionKey);
		when(task.getCamundaFormRef()).thenReturn(new CamundaFormRefImpl(form, "deployment"));
		return LeaderReviewListener.keys(task, LeaderReviewListener.Reviewer.of(taskDefinitionKey));
	}

}
