using System.Linq.Expressions;
using Marten;
using WaaS.Contracts;

namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Tenancy where data is read: a query over reseller-owned documents keeps only what the caller may see. The
/// distributor sees all; a reseller its own and its sub-resellers'; a customer its own; anyone else nothing.
/// Another tenant's document is then simply not found (404), and lists are filtered.
/// </summary>
public static class Scoping
{
    /// <summary>
    /// Keeps the documents of <paramref name="query"/> that <paramref name="caller"/> may see; <paramref name="reseller"/>
    /// and <paramref name="customer"/> select the owning reseller and the end customer's account of a document.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(
        this IQueryable<T> query,
        Caller caller,
        Expression<Func<T, Guid>> reseller,
        Expression<Func<T, Guid?>>? customer = null)
    {
        switch (caller.Kind)
        {
            case AccountKind.Distributor:
                return query;
            case AccountKind.Reseller:
                var scope = caller.ResellerScope.ToArray();
                // Marten's IsOneOf (= ANY): an array's Contains binds to a span overload in C# 14 expression trees.
                return query.Where(Compose(reseller, r => r.IsOneOf(scope)));
            case AccountKind.Customer when customer is not null:
                Guid? tenant = caller.TenantId;
                return query.Where(Compose(customer, c => c == tenant));
            default:
                // No reseller has the empty id: the query answers nothing, in the database.
                return query.Where(Compose(reseller, r => r == Guid.Empty));
        }
    }

    private static Expression<Func<T, bool>> Compose<T, TKey>(Expression<Func<T, TKey>> select, Expression<Func<TKey, bool>> test)
    {
        var body = new Replace(test.Parameters[0], select.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, select.Parameters);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
