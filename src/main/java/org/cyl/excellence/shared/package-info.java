/**
 * The kernel every module uses (a shared module of ExcellenceCampaignApplication):
 * FormData, CurrentUser, Dates, NotFoundException, PublicUrl, ErrorAnswers, AddressLimit;
 * the error answers of pages and APIs.
 */
@ApplicationModule(displayName = "共享内核 · shared", allowedDependencies = {})
package org.cyl.excellence.shared;

import org.springframework.modulith.ApplicationModule;
