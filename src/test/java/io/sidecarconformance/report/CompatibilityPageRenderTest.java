package io.sidecarconformance.report;

import io.sidecarconformance.Skip;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/** Renders a page, lets headless Chromium run its script, and checks the DOM the script left behind. */
class CompatibilityPageRenderTest {

    private static final long TIMEOUT_SECONDS = 90;
    private static final Pattern SCRIPT_ERRORS = Pattern.compile("<div id=\"script-errors\"[^>]*>(.*?)</div>", Pattern.DOTALL);

    @TempDir
    Path dir;

    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = chromiumBinary();
        Skip.unless(found.isPresent(), "CompatibilityPageRenderTest",
                "Chromium not found (/usr/bin/chromium or chromium on PATH): apt-get install chromium");
        chromium = found.get();
    }

    @Test
    void scriptRunsWithoutErrorsAndShowsEveryRecord() throws Exception {
        SuiteResults run = SampleRuns.realistic();
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();

        String dom = dumpDom(page.toUri().toString());

        Map<String, String> body = bodyAttributes(dom);
        assertThat(body.get("data-ready")).as("data-ready; script errors: %s", scriptErrors(dom)).isEqualTo("true");
        assertThat(scriptErrors(dom)).as("#script-errors").isEmpty();
        assertThat(body.get("data-cells")).as("filled cells").isEqualTo(String.valueOf(run.results().size()));
        Map<String, Integer> tallies = outcomeTallies(dom);
        for (OutcomeForm form : OutcomeForm.values()) {
            long expected = run.results().stream().filter(r -> OutcomeForm.of(r) == form).count();
            assertThat(tallies.getOrDefault(form.name(), 0)).as("count of %s shown above the grid", form).isEqualTo((int) expected);
        }
        assertThat(dom).as("drill-down closed").contains("<aside id=\"drill\" hidden=\"\">");
    }

    @Test
    void cellInTheUrlHashOpensItsDrillDownThroughTheClickHandler() throws Exception {
        SuiteResults run = SampleRuns.realistic();
        int index = indexOf(run, SampleRuns.DRILL_DOWN);
        ScenarioResult cell = run.results().get(index);
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();

        String dom = dumpDom(page.toUri() + "#cell=" + index);

        assertThat(bodyAttributes(dom).get("data-ready")).as("data-ready; script errors: %s", scriptErrors(dom)).isEqualTo("true");
        assertThat(dom).as("drill-down open").contains("<aside id=\"drill\">")
                .as("its title").contains("<h2 class=\"title\">" + Html.escape(cell.key().toString()) + "</h2>");
        assertThat(all(dom, "<td class=\"cell [^\"]*selected[^\"]*\" data-i=\"(\\d+)\"")).as("selected cell")
                .containsExactly(String.valueOf(index));
        assertThat(all(dom, "<g class=\"lane\" data-lane=\"([^\"]*)\"")).as("one Gantt lane per container")
                .containsExactlyElementsOf(containers(cell));
        assertThat(all(dom, "<g class=\"pod-lane\" data-lane=\"([^\"]*)\"")).as("pod lane").containsExactly("pod");
        assertThat(all(dom, "<tr class=\"k-([A-Z]+)\"")).as("timeline table rows, Kubernetes events included")
                .hasSize(cell.timeline().size()).contains("EVENT");
        assertThat(dom).as("hostile event detail shown as text").doesNotContain("<img")
                .contains("Warning BackOff: &lt;/script&gt;&lt;img src=x");
    }

    @Test
    void drillDownShowsOutcomeWhatHappenedFindingsAndTheNewFigures() throws Exception {
        SuiteResults run = SampleRuns.realistic();
        int index = indexOf(run, SampleRuns.DRILL_DOWN);
        ScenarioResult cell = run.results().get(index);
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();

        String drill = between(dumpDom(page.toUri() + "#cell=" + index), "<aside id=\"drill\">", "</aside>");

        assertThat(fact(drill, "outcome")).as("outcome, as the grid labels it")
                .contains("<span class=\"badge " + OutcomeLook.cssClass(OutcomeForm.of(cell)) + "\">"
                        + asText(OutcomeLook.label(OutcomeForm.of(cell))) + "</span>");
        assertThat(fact(drill, "what happened")).as("what happened").isEqualTo(asText(cell.reason()));
        List<String> findings = all(fact(drill, "findings"), "<li data-finding=\"([A-Z_]+)\">");
        assertThat(findings).as("one item per finding, in order")
                .containsExactlyElementsOf(cell.findings().stream().map(f -> f.kind().name()).toList());
        for (Finding f : cell.findings()) {
            assertThat(fact(drill, "findings")).as("text of %s", f.kind()).contains(asText(f.text()));
        }
        assertThat(figure(drill, "sidecar restarts")).as("sidecar restarts").isEqualTo("1");
        assertThat(figure(drill, "sidecar down")).as("sidecar down").isEqualTo("1.4 s");
        assertThat(figure(drill, "pod ended to Job terminal (as the runner saw them; negative: Job first)"))
                .as("pod ended to Job terminal").isEqualTo("-0.1 s");
        assertThat(figure(drill, "main began before sidecar Ready")).as("not observed in this cell").isEqualTo("not observed");
        assertThat(figure(drill, "Job condition")).as("Job condition").isEqualTo("Complete");
    }

    @Test
    void drillDownSaysPerContainerWhenReadyWentFalseAfterTheDeletion() throws Exception {
        SuiteResults sample = SampleRuns.realistic();
        int index = indexOf(sample, SampleRuns.DRILL_DOWN);
        ScenarioResult cell = sample.results().get(index);
        var f = cell.figures();
        var ready = Map.of("main", new io.sidecarconformance.result.ReadyAfterDeletion(true, 1.1, 4.1),
                "sidecar", new io.sidecarconformance.result.ReadyAfterDeletion(true, null, 4.7),
                "pod", new io.sidecarconformance.result.ReadyAfterDeletion(true, 1.1, 4.1));
        var figures = new io.sidecarconformance.result.Figures(f.completionSeconds(), f.sidecarOutlivedMainSeconds(),
                f.terminationSeconds(), f.gracePeriodSeconds(), f.verdictDelaySeconds(), f.podPhase(), f.jobCondition(),
                f.jobAfterPodSeconds(), f.sidecarRestarts(), f.sidecarDownSeconds(), f.mainStartedBeforeReadySeconds(),
                f.termAfterDeletionSeconds(), f.restarts(), f.exitCodes(), f.reasons(), f.exitAfterDeletionSeconds(),
                f.mainStartedAfterSidecarRestartSeconds(), f.oomScoreAdj(), ready);
        List<ScenarioResult> results = new ArrayList<>(sample.results());
        results.set(index, new ScenarioResult(cell.key(), cell.outcome(), cell.reason(), cell.findings(), figures,
                cell.timeline(), cell.startedAt(), cell.note(), cell.repeat(), cell.applied(), cell.runnerLoad(),
                cell.observation()));
        Path page = ReportWriter.write(sample.with(sample.clusters(), sample.measurements(), results), dir.resolve("report"))
                .compatibilityHtml();

        String drill = between(dumpDom(page.toUri() + "#cell=" + index), "<aside id=\"drill\">", "</aside>");

        assertThat(drill).as("the column").contains("<th>Ready after deletion</th>")
                .as("main, in the finding's words").contains("<td>Ready false +1.1s, ended +4.1s</td>")
                .as("the sidecar").contains("<td>stayed Ready until it ended, +4.7s</td>")
                .as("the pod's Ready condition").contains("<td>Ready false +1.1s, its first container ended +4.1s</td>");
        assertThat(new io.sidecarconformance.result.ReadyAfterDeletion(true, null, 4.7).words("sidecar"))
                .as("the page and the finding say it alike").isEqualTo("stayed Ready until it ended, +4.7s");
    }

    @Test
    void aContainersBarEndsAtItsOwnExitingLineWhenTheKubeletsReportComesLater() throws Exception {
        SuiteResults run = SampleRuns.exitingBeforeTerminated();
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();

        String dom = dumpDom(page.toUri() + "#cell=0");

        assertThat(bodyAttributes(dom).get("data-ready")).as("data-ready; script errors: %s", scriptErrors(dom)).isEqualTo("true");
        String lane = between(dom, "<g class=\"lane\" data-lane=\"proxy\">", "</g>");
        Matcher bar = Pattern.compile("<rect x=\"([\\d.]+)\" y=\"[\\d.]+\" width=\"([\\d.]+)\"[^>]*><title>proxy running ([^<]*)</title>")
                .matcher(lane);
        assertThat(bar.find()).as("the sidecar's bar in %s", lane).isTrue();
        assertThat(bar.group(3)).as("its title: from its Starting line to its own Exiting line")
                .isEqualTo("1 s to " + seconds(SampleRuns.LATE_EXITING));
        double barEnd = Double.parseDouble(bar.group(1)) + Double.parseDouble(bar.group(2));
        double exiting = number(lane, "<line x1=\"([\\d.]+)\"[^>]*><title>" + seconds(SampleRuns.LATE_EXITING) + " EXITING");
        double terminated = number(lane, "<rect x=\"([\\d.]+)\"[^>]*width=\"4\"[^>]*><title>" + seconds(SampleRuns.LATE_TERMINATED)
                + " TERMINATED") + 2;
        assertThat(barEnd).as("bar end x: at the Exiting line, x=%s", exiting).isCloseTo(exiting, within(0.01));
        assertThat(terminated - barEnd).as("the kubelet's report, %s s later, stays a mark to the right of the bar",
                SampleRuns.LATE_TERMINATED - SampleRuns.LATE_EXITING).isGreaterThan(50);
    }

    @Test
    void aCellRunThreeTimesShowsEachRunsTimelineAndHowToReproduceIt() throws Exception {
        SuiteResults run = SampleRuns.repeated();
        List<Integer> runs = new ArrayList<>();
        for (int i = 0; i < run.results().size(); i++) {
            if (run.results().get(i).key().equals(SampleRuns.DRILL_DOWN)) {
                runs.add(i);
            }
        }
        int shown = runs.get(1); // run 2: the first run with the outcome most runs had (FAILED)
        Path report = dir.resolve("report");
        Path page = ReportWriter.write(run, report).compatibilityHtml();

        String dom = dumpDom(page.toUri() + "#cell=" + shown);

        assertThat(bodyAttributes(dom).get("data-ready")).as("data-ready; script errors: %s", scriptErrors(dom)).isEqualTo("true");
        String drill = between(dom, "<aside id=\"drill\">", "</aside>");
        assertThat(all(drill, "<section class=\"run\" data-repeat=\"(\\d)\"")).as("one section per run")
                .containsExactly("1", "2", "3");
        assertThat(all(drill, "<h3 class=\"run-title\">([^<]*)</h3>")).as("run headings").containsExactly(
                "Run 1 of 3: SUCCEEDED", "Run 2 of 3: FAILED", "Run 3 of 3: FAILED");
        assertThat(all(drill, "(<svg class=\"gantt\")")).as("a Gantt chart per run").hasSize(3);
        assertThat(dom).as("the script put the shown run's text, packed in the data, into the cell's title")
                .contains("(unstable)\nrun 2, shown: FAILED");
        ScenarioResult shownRun = run.results().get(shown);
        assertThat(all(drill, "<tr class=\"k-([A-Z]+)\"")).as("each run's timeline table")
                .hasSize(3 * shownRun.timeline().size());
        List<String> objects = SampleRuns.APPLIED.stream().map(o -> o.kind() + " " + o.name()).toList();
        assertThat(all(drill, "<details class=\"applied\"><summary class=\"mono\">([^<]*)</summary>"))
                .as("each run's applied objects, from the data's shared texts")
                .containsExactlyElementsOf(java.util.stream.Stream.of(objects, objects, objects).flatMap(List::stream).toList());
        assertThat(all(drill, "<pre class=\"manifest\">([^<]*)</pre>")).as("their texts").hasSize(3 * objects.size())
                .containsSubsequence(SampleRuns.APPLIED.stream().map(o -> asText(o.manifest())).toList());
        assertThat(drill).as("the distribution").contains("2 of 3: FAILED, 1 of 3: SUCCEEDED (unstable)");
        String command = Reproduction.of(run.results()).get(shown).orElseThrow().command();
        assertThat(drill).as("the run's one-line command").contains(asText(command).replace("\"", "\""))
                .as("the images it needs").contains("Images it needs: docker:27-dind, busybox:1.36");
        assertThat(report.resolve("repro/kind-1.31/native-sidecar-dind-exec-probe-sidecar-oom.yaml"))
                .as("the file the command applies, beside the page, once for the three runs that applied it alike").exists()
                .content().isEqualTo(SampleRuns.APPLIED.get(0).manifest() + "---\n" + SampleRuns.APPLIED.get(1).manifest());
        assertThat(command).as("the command names it").contains("apply -f repro/kind-1.31/native-sidecar-dind-exec-probe-sidecar-oom.yaml");
    }

    @Test
    void drillDownDataThatDoesNotUnpackOrIsNotBesideThePageMarksThePageBrokenAndSaysWhy() throws Exception {
        SuiteResults run = SampleRuns.realistic();
        Path report = dir.resolve("report");
        Path page = ReportWriter.write(run, report).compatibilityHtml();
        String path = DrillDownData.paths(run).get(run.results().get(0).key().cluster());
        Path file = report.resolve(path);
        String notGzip = java.util.Base64.getEncoder().encodeToString("plain text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(file, Files.readString(file).replaceFirst("= \"[A-Za-z0-9+/=]*\";", "= \"" + notGzip + "\";"));

        String dom = dumpDom(page.toUri() + "#cell=0");

        assertThat(bodyAttributes(dom).get("data-ready")).as("data-ready").isEqualTo("error");
        assertThat(scriptErrors(dom)).as("#script-errors").startsWith("in a promise: ");
        assertThat(dom).as("the grid still reads").contains("<td class=\"cell ");

        Files.delete(file);
        String missing = dumpDom(page.toUri() + "#cell=0");

        assertThat(bodyAttributes(missing).get("data-ready")).as("data-ready, the file gone").isEqualTo("error");
        assertThat(between(missing, "<div id=\"drill-body\">", "</div>")).as("the drill-down says what is missing")
                .isEqualTo("cannot load " + path + ": the drill-down needs the drill/ folder beside this page");
        assertThat(missing).as("the grid still reads").contains("<td class=\"cell ");
    }

    @Test
    void versionsAndFaultsFromTheUrlPivotThePageAndTheUpgradeViewListsWhatUpgradeFinds() throws Exception {
        SuiteResults run = SampleRuns.repeated();
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();

        String dom = dumpDom(page.toUri() + "#v=kind:1.31&f=none,sigterm,sidecar-oom&from=k3s:1.28&to=kind:1.31");

        assertThat(bodyAttributes(dom).get("data-ready")).as("data-ready; script errors: %s", scriptErrors(dom)).isEqualTo("true");
        assertThat(bodyAttributes(dom).get("data-pivot")).as("what is shown").isEqualTo("1 versions, 3 faults");
        assertThat(dom).as("the other version's columns are hidden, how the pods ended included")
                .contains("#grid [data-c=\"k3s:1.28\"],#summary [data-c=\"k3s:1.28\"],#changes [data-c=\"k3s:1.28\"],"
                        + "#end-of-pod [data-c=\"k3s:1.28\"]{display:none}")
                .as("and the other faults")
                .contains("#grid [data-f=\"main-oom\"],#summary [data-f=\"main-oom\"],#changes [data-f=\"main-oom\"],"
                        + "#end-of-pod [data-f=\"main-oom\"]{display:none}")
                .contains("<section id=\"end-of-pod\">")
                .as("shown faults stay").doesNotContain("[data-f=\"none\"]{display:none}");
        assertThat(all(dom, "<tr class=\"fhead\"><th class=\"fault\" colspan=\"(\\d+)\"")).as("fault headings span the row names and one column")
                .containsOnly("2");
        assertThat(dom).as("few versions: the summary says its words").contains("<section id=\"summary\" data-words-up-to=\"" + SummaryTable.WORDS_UP_TO + "\" class=\"words\">");
        Upgrade.Comparison upgrade = Upgrade.between(run, "k3s:1.28", "kind:1.31");
        List<String> shown = List.of("none", "sigterm", "sidecar-oom");
        List<String> stable = upgrade.stable().stream().filter(d -> shown.contains(d.fault())).map(d -> d.row().name() + " | " + d.fault()).toList();
        List<String> timing = upgrade.timing().stream().filter(d -> shown.contains(d.fault())).map(d -> d.row().name() + " | " + d.fault()).toList();
        assertThat(stable).as("the sample differs between its clusters").isNotEmpty();
        assertThat(timing).as("the cell run three times, one run apart from the others").isNotEmpty();
        String out = between(dom, "<div id=\"upgrade-out\">", "</section>");
        assertThat(all(between(out, "<table class=\"grid diff upgrade stable\">", "</table>"), "<tr class=\"row\" data-diff=\"([^\"]*)\""))
                .as("the stable list: Upgrade's, under the faults shown").containsExactlyElementsOf(stable);
        assertThat(all(between(out, "<table class=\"grid diff upgrade timing\">", "</table>"), "<tr class=\"row\" data-diff=\"([^\"]*)\""))
                .as("then the timing-dependent one, apart").containsExactlyElementsOf(timing);
        assertThat(bodyAttributes(dom).get("data-differ")).as("count").isEqualTo(String.valueOf(stable.size()));
        assertThat(out).as("the pair the link chose").startsWith("<p class=\"diff-count\">From k3s:1.28 to kind:1.31: ");
    }

    @Test
    void theUpgradeViewOpensOnTheFirstAndLastVersionShownAndSwapsSidesForADowngrade() throws Exception {
        SuiteResults run = SampleRuns.repeated();
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();
        GridLayout grid = GridLayout.of(run);
        String first = grid.clusters().get(0);
        String last = grid.clusters().get(grid.clusters().size() - 1);

        String all = dumpDom(page.toUri().toString());
        String swapped = dumpDom(page.toUri() + "#from=" + last + "&to=" + first);

        assertThat(bodyAttributes(all).get("data-ready")).as("data-ready; script errors: %s", scriptErrors(all)).isEqualTo("true");
        assertThat(between(all, "<div id=\"upgrade-out\">", "</section>")).as("every version shown: the first to the last")
                .startsWith("<p class=\"diff-count\">From " + first + " to " + last + ": ");
        Upgrade.Difference d = Upgrade.between(run, first, last).stable().get(0);
        Upgrade.Change change = d.stable().get(0);
        assertThat(all).as("a change, as Upgrade words it").contains(asText(change.words("→")));
        assertThat(swapped).as("the other way: each side swapped")
                .contains(asText(change.dimension().words() + ": " + change.after() + " → " + change.before()));
    }

    @Test
    void aLinkNamingVersionsAndFaultsThePageDoesNotHaveSaysSoAndShowsWhatItHas() throws Exception {
        SuiteResults run = SampleRuns.realistic();
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();
        GridLayout grid = GridLayout.of(run);

        String dom = dumpDom(page.toUri() + "#v=1.33.13,1.35.8&f=oom");

        assertThat(bodyAttributes(dom).get("data-ready")).as("data-ready; script errors: %s", scriptErrors(dom)).isEqualTo("true");
        assertThat(bodyAttributes(dom).get("data-pivot")).as("nothing known named: every version and fault shown, not a blank page")
                .isEqualTo(grid.clusters().size() + " versions, " + grid.faults().size() + " faults");
        String note = between(dom, "<div id=\"hash-note\" role=\"status\">", "</div>");
        assertThat(all(note, "<p data-unknown=\"([^\"]*)\">")).as("what the link named that the page lacks")
                .containsExactly("1.33.13,1.35.8", "oom");
        assertThat(note).as("the message names what the page has")
                .contains("This link names versions this page does not have: 1.33.13, 1.35.8. Showing every one. Versions on this page: "
                        + String.join(", ", grid.clusters()) + ".")
                .contains("This link names faults this page does not have: oom. Showing every one. Faults on this page: "
                        + String.join(", ", grid.faults()) + ".");

        String some = dumpDom(page.toUri() + "#v=kind:1.31,1.35.8&f=none");

        assertThat(bodyAttributes(some).get("data-pivot")).as("the names it knows still choose").isEqualTo("1 versions, 1 faults");
        assertThat(between(some, "<div id=\"hash-note\" role=\"status\">", "</div>")).as("and the rest are listed")
                .contains("versions this page does not have: 1.35.8. Showing the ones it has.")
                .doesNotContain("faults this page");
        assertThat(dumpDom(page.toUri() + "#v=kind:1.31")).as("a link naming only what the page has: no note")
                .contains("<div id=\"hash-note\" role=\"status\" hidden=\"\"></div>");
    }

    @Test
    void atA1280PixelScreenTheGridFitsAndItsVersionHeaderAndFaultHeadingStayInViewWhenScrolled() throws Exception {
        SuiteResults run = SampleRuns.realistic();
        Path page = ReportWriter.write(run, dir.resolve("report")).compatibilityHtml();
        // A measuring script after the page's own: scroll into the grid's second fault, then read where things are.
        String measure = "<script>setTimeout(function () {"
                + "var grid = document.getElementById('grid'), second = grid.querySelectorAll('tr.fhead')[1];"
                + "window.scrollTo(0, second.getBoundingClientRect().top + window.scrollY + 200);"
                + "var heads = Array.prototype.map.call(grid.querySelectorAll('tr.fhead th'), function (th) { return Math.round(th.getBoundingClientRect().top); });"
                + "document.body.setAttribute('data-measured', [Math.round(grid.getBoundingClientRect().width),"
                + " Math.round(grid.querySelector('thead th.cluster').getBoundingClientRect().top), heads.join('/')].join(' '));"
                + "}, 100);</script>";
        Files.writeString(page, Files.readString(page).replace("</body>", measure + "</body>"));

        String[] measured = bodyAttributes(dumpDom(page.toUri().toString(), "--window-size=1280,700")).get("data-measured").split(" ");

        assertThat(Integer.parseInt(measured[0])).as("the grid's width at 1280 px, body margins left out").isLessThanOrEqualTo(1280 - 32);
        assertThat(measured[1]).as("the versions' header at the top of the window").isEqualTo("0");
        assertThat(measured[2].split("/")[1]).as("the fault scrolled into: its heading right under the header").isEqualTo("34");
    }

    /** Text as Chromium serialises it in element content: only &, < and > are escaped. */
    private static String asText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String seconds(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " s";
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in the dumped DOM", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("%s after %s", end, start).isPositive();
        return text.substring(from + start.length(), to);
    }

    /** The drill-down's fact named {@code name}: the content of its dd. */
    private static String fact(String drill, String name) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(name) + "</dt><dd[^>]*>(.*?)</dd>", Pattern.DOTALL).matcher(drill);
        assertThat(m.find()).as("fact %s in the drill-down", name).isTrue();
        return m.group(1);
    }

    /** The drill-down's figure named {@code name}: the text of its value cell. */
    private static String figure(String drill, String name) {
        Matcher m = Pattern.compile("<tr><th>" + Pattern.quote(name) + "</th><td[^>]*>([^<]*)</td></tr>").matcher(drill);
        assertThat(m.find()).as("figure %s in the drill-down", name).isTrue();
        return m.group(1);
    }

    /** Containers in order of first appearance, without the pod-level observers. */
    private static List<String> containers(ScenarioResult cell) {
        return cell.timeline().stream()
                .filter(e -> !List.of("pod", "job", "suite").contains(e.container()))
                .filter(e -> !List.of(EventKind.PHASE, EventKind.EVENT, EventKind.ACTION, EventKind.JOB, EventKind.DELETED).contains(e.kind()))
                .map(TimelineEvent::container).distinct().toList();
    }

    private String dumpDom(String url) throws IOException, InterruptedException {
        return dumpDom(url, "--window-size=800,600");
    }

    private String dumpDom(String url, String windowSize) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path domFile = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        try {
            Process chrome = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--user-data-dir=" + profile, "--virtual-time-budget=5000", windowSize, "--dump-dom", url)
                    .redirectOutput(domFile.toFile()).redirectError(log.toFile()).start();
            if (!chrome.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                chrome.descendants().forEach(ProcessHandle::destroyForcibly);
                chrome.destroyForcibly();
                fail("Chromium did not finish within %d s; log: %s", TIMEOUT_SECONDS, tail(log));
            }
            assertThat(chrome.exitValue()).as("Chromium exit code; log: %s", tail(log)).isZero();
            return Files.readString(domFile);
        } finally {
            deleteQuietly(profile);
        }
    }

    private static Optional<Path> chromiumBinary() {
        Path usual = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(usual)) {
            return Optional.of(usual);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "chromium")).filter(Files::isExecutable).findFirst();
    }

    private static Map<String, String> bodyAttributes(String dom) {
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertThat(body.find()).as("a body element in the dumped DOM").isTrue();
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = Pattern.compile("([\\w-]+)=\"([^\"]*)\"").matcher(body.group(1));
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    private static String scriptErrors(String dom) {
        Matcher m = SCRIPT_ERRORS.matcher(dom);
        assertThat(m.find()).as("#script-errors element").isTrue();
        return m.group(1).trim();
    }

    private static Map<String, Integer> outcomeTallies(String dom) {
        Map<String, Integer> tallies = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<span class=\"count\" data-v=\"([A-Z_]+)\"><span [^>]*>[^<]*</span>(\\d+)</span>").matcher(dom);
        while (m.find()) {
            tallies.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return tallies;
    }

    private static List<String> all(String dom, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(dom);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static int indexOf(SuiteResults run, ScenarioKey key) {
        for (int i = 0; i < run.results().size(); i++) {
            if (run.results().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no record for " + key);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // Chromium helpers may still be closing files in the profile; a leftover temp folder must not fail the test.
    private static void deleteQuietly(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
