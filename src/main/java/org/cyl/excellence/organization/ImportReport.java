package org.cyl.excellence.organization;

/** What an import changed; importing the same files again reports only unchanged rows. */
public record ImportReport(Counts organizations, Counts members, Counts accounts, Counts roles) {

	/** Rows created, updated and found unchanged. */
	public record Counts(int created, int updated, int unchanged) {

		static Counts of(int[] c) {
			return new Counts(c[0], c[1], c[2]);
		}

	}

	public boolean changedAnything() {
		return changed(this.organizations) || changed(this.members) || changed(this.accounts) || changed(this.roles);
	}

	private static boolean changed(Counts c) {
		return c.created() > 0 || c.updated() > 0;
	}

}
