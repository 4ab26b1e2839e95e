package dev.jobstatus.testkit;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted sequence of job states that moves one step every {@code pollsPerStep} reads, then stays on the last. */
final class Lifecycle<T> {
    private final List<T> steps;
    private final int pollsPerStep;
    private final AtomicInteger polls = new AtomicInteger();

    Lifecycle(List<T> steps, int pollsPerStep) {
        if (steps.isEmpty() || pollsPerStep < 1) {
            throw new IllegalArgumentException("a lifecycle needs at least one step and at least one poll per step");
        }
        this.steps = List.copyOf(steps);
        this.pollsPerStep = pollsPerStep;
    }

    /** Returns the state for this read and counts the read. */
    T next() {
        return steps.get(Math.min(polls.getAndIncrement() / pollsPerStep, steps.size() - 1));
    }
}
