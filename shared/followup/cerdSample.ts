/**
 * A passage in the form of CERD's concluding observations, written for the tests (the wording is the project's,
 * the layout the committee's: numbered paragraphs, lettered sub-paragraphs, headings, page furniture, the
 * follow-up paragraph). Used by the parser's unit test, the API test and the browser test.
 */
export const CERD_SAMPLE = `Committee on the Elimination of Racial Discrimination
CERD/C/FRE/CO/10-12
Concluding observations on the combined tenth to twelfth periodic reports of Freedonia
1. The Committee considered the combined periodic reports of Freedonia at its 2910th and 2911th meetings.
It adopted the present concluding observations at its 2925th meeting, held on 30 August 2022.
Racial profiling
20. The Committee is concerned about reports that members of minority groups are stopped and searched by
the police far more often than others.
21. The Committee recommends that the State party:
(a) Prohibit racial profiling in law and record every identity check with the reason for it;
(b) Publish each year data on stops and searches disaggregated by ethnic origin;
(c) Set up an independent body to receive complaints of racial profiling.
GE.22-12345
Segregation in housing
34. The Committee is concerned that Roma families are evicted without alternative housing.
35. The Committee urges the State party to stop evictions carried out without adequate alternative housing
and to involve the families concerned in every decision.
Education
40. The Committee encourages the State party to end the placement of Roma children in separate classes.
Follow-up to the present concluding observations
55. In accordance with article 9 (1) of the Convention and rule 65 of its rules of procedure, the Committee
requests the State party to provide, within one year of the adoption of the present concluding observations,
information on its implementation of the recommendations contained in paragraphs 21 (a) and (b) and 35 above.
`;
