package th.obec.apimr.office;

/** An import file was refused as a whole; nothing of it was saved. */
public class ImportRejectedException extends RuntimeException {

    private final transient ImportProblem problem;

    public ImportRejectedException(ImportProblem problem) {
        super("line " + problem.line() + (problem.column() == null ? "" : ", column " + problem.column())
                + (problem.field() == null ? "" : " (" + problem.field() + ")") + ": " + problem.message());
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
