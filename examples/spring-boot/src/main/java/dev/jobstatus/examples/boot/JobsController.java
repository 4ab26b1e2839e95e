package dev.jobstatus.examples.boot;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.nexudus.BackgroundJobQuery;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.wix.WixClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Lists and waits on jobs with the clients the starter made. */
@RestController
public class JobsController {
    private final NexudusClient nexudus;
    private final WixClient wix;
    private final AsanaClient asana;

    /**
     * Takes the starter's clients.
     *
     * @param nexudus the Nexudus client
     * @param wix the Wix client
     * @param asana the Asana client
     */
    public JobsController(NexudusClient nexudus, WixClient wix, AsanaClient asana) {
        this.nexudus = nexudus;
        this.wix = wix;
        this.asana = asana;
    }

    /**
     * {@return how many Nexudus jobs failed, listed page by page}
     */
    @GetMapping("/jobs/nexudus/failed")
    public long failedNexudusJobs() {
        return nexudus
                .backgroundJobs()
                .listAll(BackgroundJobQuery.builder().status("Failed").build())
                .stream()
                .count();
    }

    /**
     * {@return the state a Nexudus job ended in}
     *
     * @param id the job's id
     */
    @GetMapping("/jobs/nexudus/{id}")
    public String waitForNexudusJob(@PathVariable("id") long id) {
        return nexudus.backgroundJobs().waitFor(id).state().name();
    }

    /**
     * {@return the state a Wix job ended in}
     *
     * @param id the job's id
     */
    @GetMapping("/jobs/wix/{id}")
    public String waitForWixJob(@PathVariable("id") String id) {
        return wix.asyncJobs().waitFor(id).state().name();
    }

    /**
     * {@return the state an Asana job ended in}
     *
     * @param gid the job's gid
     */
    @GetMapping("/jobs/asana/{gid}")
    public String waitForAsanaJob(@PathVariable("gid") String gid) {
        return asana.jobs().waitFor(gid).state().name();
    }
}
