package th.obec.apimr.implementation;

import java.util.List;

/** What the coordinators submitted on Form_RecordImplementation, checked. */
record ImplementationInput(List<Progress> progress, String decisionsTaken, boolean decisionRequested,
                           String decisionQuestion) {

    record Progress(Long projectId, int progressPercent, ProgressStatus status, String note) {
    }
}
