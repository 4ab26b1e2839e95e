package dev.jobstatus.asana;

/** The optional fields of a job that {@code opt_fields} can ask for, as Asana documents them. */
public enum JobField {
    /** {@code new_graph_export}. */
    NEW_GRAPH_EXPORT("new_graph_export"),
    /** {@code new_graph_export.completed_at}. */
    NEW_GRAPH_EXPORT_COMPLETED_AT("new_graph_export.completed_at"),
    /** {@code new_graph_export.created_at}. */
    NEW_GRAPH_EXPORT_CREATED_AT("new_graph_export.created_at"),
    /** {@code new_graph_export.download_url}. */
    NEW_GRAPH_EXPORT_DOWNLOAD_URL("new_graph_export.download_url"),
    /** {@code new_portfolio}. */
    NEW_PORTFOLIO("new_portfolio"),
    /** {@code new_portfolio.name}. */
    NEW_PORTFOLIO_NAME("new_portfolio.name"),
    /** {@code new_project}. */
    NEW_PROJECT("new_project"),
    /** {@code new_project.name}. */
    NEW_PROJECT_NAME("new_project.name"),
    /** {@code new_project_template}. */
    NEW_PROJECT_TEMPLATE("new_project_template"),
    /** {@code new_project_template.name}. */
    NEW_PROJECT_TEMPLATE_NAME("new_project_template.name"),
    /** {@code new_resource_export}. */
    NEW_RESOURCE_EXPORT("new_resource_export"),
    /** {@code new_resource_export.completed_at}. */
    NEW_RESOURCE_EXPORT_COMPLETED_AT("new_resource_export.completed_at"),
    /** {@code new_resource_export.created_at}. */
    NEW_RESOURCE_EXPORT_CREATED_AT("new_resource_export.created_at"),
    /** {@code new_resource_export.download_url}. */
    NEW_RESOURCE_EXPORT_DOWNLOAD_URL("new_resource_export.download_url"),
    /** {@code new_task}. */
    NEW_TASK("new_task"),
    /** {@code new_task.created_by}. */
    NEW_TASK_CREATED_BY("new_task.created_by"),
    /** {@code new_task.name}. */
    NEW_TASK_NAME("new_task.name"),
    /** {@code new_task.resource_subtype}. */
    NEW_TASK_RESOURCE_SUBTYPE("new_task.resource_subtype"),
    /**
     * {@code new_task_template}.
     *
     * @deprecated Asana's current OpenAPI description no longer lists it among the {@code opt_fields}; still sent
     *     as asked, for servers that honour it.
     */
    @Deprecated
    NEW_TASK_TEMPLATE("new_task_template"),
    /**
     * {@code new_task_template.name}.
     *
     * @deprecated as {@link #NEW_TASK_TEMPLATE}
     */
    @Deprecated
    NEW_TASK_TEMPLATE_NAME("new_task_template.name"),
    /** {@code resource_subtype}. */
    RESOURCE_SUBTYPE("resource_subtype"),
    /** {@code status}. */
    STATUS("status");

    private final String wireName;

    JobField(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the name as sent in {@code opt_fields}} */
    public String wireName() {
        return wireName;
    }
}
