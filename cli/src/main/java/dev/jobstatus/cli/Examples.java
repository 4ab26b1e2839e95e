package dev.jobstatus.cli;

import java.util.Map;

/** The examples at the foot of each command's {@code --help}, by the command's qualified name. */
final class Examples {
    static final Map<String, String[]> BY_COMMAND = Map.ofEntries(
            Map.entry("jobstatus", new String[] {
                "jobstatus demo",
                "jobstatus nexudus list --status Failed --created-from 2025-01-01 --limit 20",
                "jobstatus wix items 076e0505-6944-4645-a248-80b197ee9cfd --status FAILED_ONLY",
                "jobstatus asana wait 1204715892 --timeout 5m",
                "jobstatus help nexudus list"}),
            Map.entry("jobstatus nexudus", new String[] {
                "NEXUDUS_TOKEN=... jobstatus nexudus get 87654321",
                "NEXUDUS_USERNAME=me@example.com NEXUDUS_PASSWORD=... jobstatus nexudus list --desc --limit 10"}),
            Map.entry("jobstatus nexudus get", new String[] {
                "jobstatus nexudus get 87654321",
                "jobstatus nexudus get 87654321 --json --timeout 10s"}),
            Map.entry("jobstatus nexudus list", new String[] {
                "jobstatus nexudus list --status Failed --created-from 2025-01-01 --created-to 2025-01-31T23:59",
                "jobstatus nexudus list --order-by CreatedOn --desc --limit 50 --json"}),
            Map.entry("jobstatus nexudus wait", new String[] {
                "jobstatus nexudus wait 87654321 --timeout 10m --interval 2s"}),
            Map.entry("jobstatus wix", new String[] {
                "WIX_API_KEY=... WIX_SITE_ID=... jobstatus wix get 076e0505-6944-4645-a248-80b197ee9cfd"}),
            Map.entry("jobstatus wix get", new String[] {
                "jobstatus wix get 076e0505-6944-4645-a248-80b197ee9cfd --json"}),
            Map.entry("jobstatus wix items", new String[] {
                "jobstatus wix items 076e0505-6944-4645-a248-80b197ee9cfd --status FAILED_ONLY --limit 100"}),
            Map.entry("jobstatus wix wait", new String[] {
                "jobstatus wix wait 076e0505-6944-4645-a248-80b197ee9cfd --timeout 30m"}),
            Map.entry("jobstatus asana", new String[] {
                "ASANA_TOKEN=... jobstatus asana get 1204715892 --fields new_project.name"}),
            Map.entry("jobstatus asana get", new String[] {
                "jobstatus asana get 1204715892 --fields new_project.name,new_task.name --pretty"}),
            Map.entry("jobstatus asana wait", new String[] {
                "jobstatus asana wait 1204715892 --fields new_project.name --timeout 5m"}),
            Map.entry("jobstatus demo", new String[] {
                "jobstatus demo"}));

    private Examples() {
    }
}
