package org.cyl.excellence.appraisal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cyl.excellence.appraisal.AppraisalRepository.Appraisal;
import org.springframework.stereotype.Component;

import static org.cyl.excellence.appraisal.AppraisalVariables.APPRAISAL_ID;
import static org.cyl.excellence.appraisal.AppraisalVariables.DISSATISFACTION;
import static org.cyl.excellence.appraisal.AppraisalVariables.PARTICIPATION;
import static org.cyl.excellence.appraisal.AppraisalVariables.SATISFACTION;

/**
 * {@code Task_TallyBallots} (统计评议结果) of MassAppraisalProcess: closes the appraisal (no
 * ballot counts after this) and counts, per item, each answer. The rates are those of the
 * overall item (总体评价): satisfaction = (满意 + 比较满意) / ballots cast, dissatisfaction = 不满意 /
 * ballots cast, participation = ballots cast / ballots issued. 基本满意 counts toward neither
 * rate.
 */
@Component
class TallyBallotsDelegate implements JavaDelegate {

	private static final ObjectMapper json = new ObjectMapper();

	private final AppraisalRepository appraisals;

	TallyBallotsDelegate(AppraisalRepository appraisals) {
		this.appraisals = appraisals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String id = (String) execution.getVariable(APPRAISAL_ID);
		Tally tally = tally(this.appraisals.find(id).orElseThrow(), this.appraisals.answers(id));
		for (int i = 0; i < tally.items().size(); i++) {
			this.appraisals.saveTally(id, i + 1, tally.items().get(i), tally.counts()[i]);
		}
		this.appraisals.close(id, tally.cast(), tally.satisfaction(), tally.dissatisfaction(), tally.participation());
		execution.setVariable(PARTICIPATION, tally.participation().doubleValue());
		execution.setVariable(SATISFACTION, tally.satisfaction().doubleValue());
		execution.setVariable(DISSATISFACTION, tally.dissatisfaction().doubleValue());
	}

	/**
	 * Counts per item of each answer (in the order of {@link Answer}) and the rates of
	 * the last item.
	 */
	record Tally(List<String> items, int[][] counts, int cast, BigDecimal satisfaction, BigDecimal dissatisfaction,
			BigDecimal participation) {
	}

	static Tally tally(Appraisal appraisal, List<String> ballots) {
		List<String> items = BallotService.items(appraisal);
		int[][] counts = new int[items.size()][Answer.values().length];
		for (String ballot : ballots) {
			List<String> answers = read(ballot);
			for (int i = 0; i < items.size() && i < answers.size(); i++) {
				counts[i][Answer.valueOf(answers.get(i)).ordinal()]++;
			}
		}
		int cast = ballots.size();
		int[] overall = counts[items.size() - 1];
		return new Tally(items, counts, cast,
				rate(overall[Answer.SATISFIED.ordinal()] + overall[Answer.FAIRLY.ordinal()], cast),
				rate(overall[Answer.DISSATISFIED.ordinal()], cast), rate(cast, appraisal.ballotsIssued()));
	}

	static BigDecimal rate(int part, int whole) {
		return (whole == 0) ? BigDecimal.ZERO.setScale(4)
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private static List<String> read(String answers) {
		try {
			return json.readValue(answers, new TypeReference<List<String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
