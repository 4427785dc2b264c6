package vn.cchc.plan.plans;

/** What a dated event of a plan is: a national day, a contest, a training, a conference, a dialogue, a campaign… */
public enum MilestoneKind { NATIONAL_DAY, CONTEST, TRAINING, CONFERENCE, DIALOGUE, CAMPAIGN, OTHER }
