package th.obec.apimr.security;

import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

import th.obec.apimr.identity.Tenants;

/**
 * Gives every process instance run for an area office that office's tenant: an instance started with an
 * {@code officeCode} variable (each {@code Process_AreaOfficeCycle}, a per-task deadline watch) gets
 * {@code Tenants.office(officeCode)}; an instance without one started by a call activity inherits the tenant of
 * the calling instance; anything else (the national cycle) gets none. A decision evaluated inside an instance is
 * recorded under the instance's tenant. The definitions themselves are deployed without a tenant and shared.
 */
class OfficeTenantIdProvider implements TenantIdProvider {

    static final String OFFICE_CODE = "officeCode";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        Object officeCode = ctx.getVariables() == null ? null : ctx.getVariables().get(OFFICE_CODE);
        if (officeCode instanceof String code && !code.isBlank()) {
            return Tenants.office(code);
        }
        DelegateExecution superExecution = ctx.getSuperExecution();
        if (superExecution != null) {
            return superExecution.getTenantId();
        }
        DelegateCaseExecution superCaseExecution = ctx.getSuperCaseExecution();
        return superCaseExecution == null ? null : superCaseExecution.getTenantId();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        return ctx.getSuperCaseExecution() == null ? null : ctx.getSuperCaseExecution().getTenantId();
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return ctx.getCaseExecution() == null ? null : ctx.getCaseExecution().getTenantId();
    }
}
