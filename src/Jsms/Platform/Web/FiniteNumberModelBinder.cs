using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Jsms.Platform.Web;

/// <summary>
/// The page forms' side of <see cref="FiniteNumber"/>: a <c>double</c> or <c>float</c> (or nullable) bound from a form or
/// query value is parsed by the same rule, so <c>1e309</c> is a model error on the field rather than infinity.
/// </summary>
internal sealed class FiniteNumberModelBinder : IModelBinder, IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(double) || type == typeof(float) ? this : null;
    }

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Empty: null for a nullable field, "required" for the others (as the framework's own binder does).
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }
        var single = (Nullable.GetUnderlyingType(bindingContext.ModelType) ?? bindingContext.ModelType) == typeof(float);
        if (FiniteNumber.TryParse(text, out var number) && (!single || float.IsFinite((float)number)))
        {
            bindingContext.Result = ModelBindingResult.Success(single ? (object)(float)number : number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, FiniteNumber.NotANumber(text));
        }
        return Task.CompletedTask;
    }
}
